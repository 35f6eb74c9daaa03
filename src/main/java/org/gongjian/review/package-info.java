/**
 * The performance review: a unit's quarter or year scored from what the processes recorded, never typed; the people's
 * parts, the public notice with its objections, the feedback letter the leader must acknowledge, and rectification.
 */
package org.gongjian.review;
