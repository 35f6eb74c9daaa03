/**
 * The unit's commitments for one quarter of an agreement (季度承诺). For now one task: the
 * liaison submits the quarter's activities and fund instalment.
 */
package org.gongjian.commitment;
