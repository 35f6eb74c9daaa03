package org.gongjian.escalation;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * With no {@code spring.mail.host} configured, mail goes to an SMTP server inside the
 * application, whose messages the administrator reads at {@code /mailbox}: a newcomer sees the
 * reminders and escalations arrive without setting up a mail server. Its messages last until
 * the application stops. Only in the demo profile: outside it a missing mail host stops the
 * start-up ({@link MailRequired}).
 */
@Configuration
@Profile("demo")
@ConditionalOnExpression("'${spring.mail.host:}'.isBlank()")
class EmbeddedMailbox {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMailbox.class);

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail embeddedSmtpServer() {
        return new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    }

    @Bean
    JavaMailSenderImpl embeddedMailSender(GreenMail embeddedSmtpServer) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(embeddedSmtpServer.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        log.info("No spring.mail.host configured: mail goes to the embedded mailbox (port {}), shown at /mailbox",
                sender.getPort());
        return sender;
    }
}
