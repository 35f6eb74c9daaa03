/**
 * The unit's commitments for one quarter of an agreement (季度承诺): community staff publish the
 * quarter's projects, the liaison commits activities and a fund instalment, community staff
 * approve or return them; each approved activity then runs as an {@code activity}, the
 * instalment as a {@code fund-transfer}, and at quarter end a written report goes to the street
 * committee and stays readable at {@code /reports/<agreement>/<quarter>}.
 */
package org.gongjian.commitment;
