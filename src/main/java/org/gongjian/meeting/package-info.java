/**
 * The joint meeting (联席会议): one per community and quarter, its agenda collected from the members in
 * advance, the notice, the minutes, and resolutions that run as tracked tasks until they are done.
 */
package org.gongjian.meeting;
