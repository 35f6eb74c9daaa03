/**
 * The public pages: a community's board (公示栏) and the activity pages people reach by link or
 * QR code without an account (sign-up, check-in, rating), plus the venue's QR code for staff.
 */
package org.gongjian.board;
