package org.gongjian;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading what reached a GreenMail server, the test's own or the application's embedded mailbox. */
public final class Mails {

    private Mails() {
    }

    /** The one message that arrived (GreenMail keeps a copy per recipient), then an empty server. */
    public static MimeMessage onlyMail(GreenMailOperations smtp) throws Exception {
        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage[] all = smtp.getReceivedMessages();
        List<String> ids = Arrays.stream(all).map(Mails::messageId).distinct().toList();
        assertThat(ids).as("exactly one mail").hasSize(1);
        smtp.purgeEmailFromAllMailboxes();
        return all[0];
    }

    /** The messages addressed to one address, To or Cc or Bcc. */
    public static List<MimeMessage> to(GreenMailOperations smtp, String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipients(m).contains(address)).toList();
    }

    public static List<String> subjects(List<MimeMessage> messages) {
        return messages.stream().map(Mails::subject).toList();
    }

    /** The To addresses of the message. */
    public static List<String> to(MimeMessage m) throws MessagingException {
        return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
    }

    /** The plain-text part of the message, or null if it has none. */
    public static String plainText(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    private static List<String> recipients(MimeMessage m) {
        try {
            Address[] all = m.getAllRecipients();
            return all == null ? List.of() : Arrays.stream(all).map(Object::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
