package org.gongjian.escalation;

import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Every mail Gongjian sends goes through here, to whichever SMTP server Spring Mail points at.
 * With {@code gongjian.mail.disabled=true} nothing is sent: each mail is logged as not sent.
 */
@Component
public class OutgoingMail {

    private static final Logger log = LoggerFactory.getLogger(OutgoingMail.class);

    private final ObjectProvider<JavaMailSender> senders;
    private final String from;
    private final boolean disabled;

    OutgoingMail(ObjectProvider<JavaMailSender> senders, @Value("${gongjian.mail.from}") String from,
            @Value("${" + MailRequired.DISABLED + ":false}") boolean disabled) {
        this.senders = senders;
        this.from = from;
        this.disabled = disabled;
    }

    /** Sends one message with a plain-text and an HTML body, both UTF-8. */
    public void send(List<String> to, String subject, String text, String html) {
        if (to.isEmpty()) {
            throw new IllegalArgumentException("a mail needs at least one recipient: " + subject);
        }
        if (disabled) {
            log.warn("Mail switched off ({}=true), NOT SENT to {}: {}", MailRequired.DISABLED, to, subject);
            return;
        }
        JavaMailSender sender = senders.getObject();
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to.toArray(String[]::new));
            helper.setSubject(subject);
            helper.setText(text, html);
        } catch (MessagingException e) {
            throw new MailPreparationException("cannot build mail '" + subject + "'", e);
        }
        sender.send(message);
    }
}
