package org.gongjian.activity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rules of activities that a sub-district may tune: abuse limits of the public sign-up page and
 * the points posted to the ledger.
 *
 * @param signupsPerPhonePerDay    sign-ups one phone number may make in 24 hours, across activities
 * @param signupsPerAddressPerHour sign-ups one network address may make in an hour (a community centre
 *                                 signing up its elderly residents stays well below)
 * @param checkInPoints            points for a person who checked in
 * @param keptActivityPoints       points for the unit when its activity's evidence is accepted
 * @param pointsPerParticipant     further points for the unit per person who checked in
 * @param reminderHours            how long before the start those signed up are reminded
 */
@ConfigurationProperties("gongjian.activity")
public record ActivitySettings(
        @DefaultValue("5") int signupsPerPhonePerDay,
        @DefaultValue("30") int signupsPerAddressPerHour,
        @DefaultValue("10") int checkInPoints,
        @DefaultValue("20") int keptActivityPoints,
        @DefaultValue("2") int pointsPerParticipant,
        @DefaultValue("48") int reminderHours) {
}
