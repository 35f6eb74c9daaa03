package org.gongjian.escalation;

import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Every mail Gongjian sends goes through here, to whichever SMTP server Spring Mail points at. */
@Component
public class OutgoingMail {

    private final JavaMailSender sender;
    private final String from;

    OutgoingMail(JavaMailSender sender, @Value("${gongjian.mail.from}") String from) {
        this.sender = sender;
        this.from = from;
    }

    /** Sends one message with a plain-text and an HTML body, both UTF-8. */
    public void send(List<String> to, String subject, String text, String html) {
        if (to.isEmpty()) {
            throw new IllegalArgumentException("a mail needs at least one recipient: " + subject);
        }
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
