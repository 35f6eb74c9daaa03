package org.gongjian.escalation;

import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.gongjian.GongjianTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@GongjianTest
class ConfiguredMailHostTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailHost(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @Autowired OutgoingMail mail;
    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;

    @Test
    @WithMockUser(username = "demo", authorities = "ROLE_ADMIN")
    void withAMailHostTheMailArrivesThereAndNotInTheMailbox() throws Exception {
        mail.send(List.of("lihua@xinhua.example.cn"), "提醒：阳光社区季度承诺待提交", "李华同志：国网新华供电所的季度承诺尚未提交。", "<p>李华同志</p>");

        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("提醒：阳光社区季度承诺待提交");
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("lihua@xinhua.example.cn");
        assertThat(GreenMailUtil.getBody(received)).contains("text/plain");
        assertThat(context.getBeanNamesForType(com.icegreen.greenmail.util.GreenMail.class)).isEmpty();

        mvc.perform(get("/mailbox"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("127.0.0.1")))
                .andExpect(content().string(not(containsString("提醒：阳光社区季度承诺待提交"))));
    }
}
