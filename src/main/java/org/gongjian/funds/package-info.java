/**
 * Money that must follow the work (费随事转, 经费拨付): finance executes a requested transfer and
 * records its voucher, each request exactly once; overdue transfers escalate.
 */
package org.gongjian.funds;
