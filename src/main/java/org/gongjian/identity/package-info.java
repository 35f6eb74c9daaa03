/**
 * Who is who: the demo world read from {@code seeds/}, turned into Camunda users, groups,
 * memberships, authorizations and Tasklist filters, idempotently at every start.
 */
package org.gongjian.identity;
