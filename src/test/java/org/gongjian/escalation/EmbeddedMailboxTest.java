package org.gongjian.escalation;

import java.util.List;

import org.gongjian.GongjianTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@GongjianTest
class EmbeddedMailboxTest {

    @Autowired OutgoingMail mail;
    @Autowired MockMvc mvc;

    @Test
    @WithMockUser(username = "demo", authorities = "ROLE_ADMIN")
    void withNoMailHostAMailAppearsInTheMailbox() throws Exception {
        mail.send(List.of("zhangjianguo@school.example.cn"), "催办：请签署共建协议 HP-2026-001",
                "张建国同志：和平社区与新华第一实验小学的共建协议等待您签署，已逾期 3 天。", "<p>张建国同志：……</p>");

        mvc.perform(get("/mailbox"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("催办：请签署共建协议 HP-2026-001")))
                .andExpect(content().string(containsString("zhangjianguo@school.example.cn")))
                .andExpect(content().string(containsString("已逾期 3 天")));
    }

    @Test
    @WithMockUser(username = "yangxue", authorities = "GROUP_unit-school-liaison")
    void onlyAdministratorsReadTheMailbox() throws Exception {
        mvc.perform(get("/mailbox")).andExpect(status().isForbidden());
    }
}
