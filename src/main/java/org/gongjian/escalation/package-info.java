/**
 * Due dates, reminders and the escalation ladder, and the mail that carries them: outgoing
 * mail through Spring Mail, with an embedded mailbox when no SMTP server is configured.
 */
package org.gongjian.escalation;
