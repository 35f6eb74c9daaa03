/**
 * Money that must follow the work (费随事转, 经费拨付): a unit's instalment, a department's payment or a street
 * committee's grant, from request through the payer's approval, finance's transfer (once per request) and the
 * community's receipt to reconciliation; who held each step, and the public fund ledger.
 */
package org.gongjian.funds;
