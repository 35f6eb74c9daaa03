/**
 * The joint-building agreement (共建协议): drafted, answered, negotiated, signed by both sides
 * and filed, then in force with a quarterly cycle, a renewal reminder, expiry and termination.
 */
package org.gongjian.agreement;
