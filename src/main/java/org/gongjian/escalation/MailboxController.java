package org.gongjian.escalation;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The embedded mailbox, newest first, for administrators; or where mail goes instead. Demo only. */
@Controller
@Profile("demo")
class MailboxController {

    private final ObjectProvider<GreenMail> mailbox;
    private final String configuredHost;

    MailboxController(ObjectProvider<GreenMail> mailbox, @Value("${spring.mail.host:}") String configuredHost) {
        this.mailbox = mailbox;
        this.configuredHost = configuredHost;
    }

    @GetMapping("/mailbox")
    String list(Model model) throws MessagingException, IOException {
        GreenMail server = mailbox.getIfAvailable();
        model.addAttribute("embedded", server != null);
        model.addAttribute("configuredHost", configuredHost);
        List<Mail> mails = new ArrayList<>();
        if (server != null) {
            for (MimeMessage m : server.getReceivedMessages()) {
                mails.add(Mail.of(m));
            }
            Collections.reverse(mails);
        }
        model.addAttribute("mails", mails);
        return "escalation/mailbox";
    }

    record Mail(String from, List<String> to, String subject, Instant sent, String text) {

        static Mail of(MimeMessage m) throws MessagingException, IOException {
            List<String> to = m.getRecipients(Message.RecipientType.TO) == null ? List.of()
                    : Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
            Instant sent = m.getSentDate() == null ? null : m.getSentDate().toInstant();
            String from = m.getFrom() == null || m.getFrom().length == 0 ? "" : m.getFrom()[0].toString();
            return new Mail(from, to, m.getSubject(), sent, plainText(m));
        }

        /** The plain-text alternative; mail is written so that it reads on its own. */
        private static String plainText(Part part) throws MessagingException, IOException {
            if (part.isMimeType("text/plain")) {
                return part.getContent().toString();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    String text = plainText(body);
                    if (text != null) {
                        return text;
                    }
                }
            }
            return null;
        }
    }
}
