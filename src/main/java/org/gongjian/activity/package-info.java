/**
 * One committed activity (活动): published on the community's board, public sign-up and check-in,
 * evidence and its verification, the append-only points ledger, ratings; cancelled and missed
 * activities reverse their points and count as broken commitments.
 */
package org.gongjian.activity;
