/**
 * The community-access gate (准入): work a functional department asks of communities enters a community only
 * when the access list admits it with its funding and the street committee approves where it must; each
 * community then accepts or refuses, and accepted work starts the department's payment.
 */
package org.gongjian.access;
