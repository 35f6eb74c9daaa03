package org.gongjian.meeting;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.gongjian.identity.Groups;
import org.gongjian.identity.Parties;
import org.gongjian.meeting.JointMeetings.Item;
import org.gongjian.meeting.JointMeetings.Meeting;
import org.gongjian.meeting.JointMeetings.Member;
import org.gongjian.meeting.JointMeetings.Resolution;
import org.gongjian.system.PdfFonts;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The joint meeting for its members and the street committee: the list of one's meetings, a meeting's page
 * (agenda, who came, minutes, resolutions and how each stands) and its minutes as a PDF. A member is the
 * meeting's community (secretary, staff, residents' representatives) or a unit sitting in it.
 */
@Controller
class MeetingController {

    static final int LIST = 200;

    private final JointMeetings meetings;
    private final IdentityService identity;
    private final Clock clock;
    private final PdfFonts fonts;
    private final DateTimeFormatter time;

    MeetingController(JointMeetings meetings, IdentityService identity, Clock clock,
                      PdfFonts fonts) {
        this.meetings = meetings;
        this.identity = identity;
        this.clock = clock;
        this.fonts = fonts;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
    }

    /** A member's row: what they answered the notice, and whether they came. */
    record MemberRow(Member member, String answerWord, String attendanceWord) {}

    /** An agenda item with the member it came from, and the secretary's decision on it in words. */
    record ItemRow(Item item, String memberName, String decisionWord, String mergedIntoTitle) {}

    /** A resolution with how it stands today and how many agendas it has been carried onto. */
    record ResolutionRow(Resolution resolution, String standing, String standingWord, int carried) {
        public boolean late() {
            return JointMeetings.LATE.equals(standing);
        }
    }

    @GetMapping("/meetings")
    String list(Authentication who, Model model) {
        Parties parties = Parties.of(who);
        Set<String> communities = new TreeSet<>(parties.communities());
        communities.addAll(residentsOf(who));
        if (!parties.everything() && communities.isEmpty() && parties.units().isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "joint meetings are for the street committee and the communities and units that sit in them");
        }
        model.addAttribute("meetings", parties.everything() ? meetings.newest(LIST)
                : meetings.newestOf(communities, parties.units(), LIST));
        model.addAttribute("everything", parties.everything());
        model.addAttribute("zone", clock.getZone());
        return "meeting/list";
    }

    @GetMapping("/meetings/{id}")
    String show(@PathVariable long id, Authentication who, Model model) {
        Meeting m = readable(id, who);
        List<Member> members = meetings.members(id);
        Map<String, String> memberNames = members.stream().collect(Collectors.toMap(Member::key, Member::name));
        List<Item> agenda = meetings.agenda(id);
        Map<Long, String> titles = agenda.stream().collect(Collectors.toMap(Item::id, Item::title));
        model.addAttribute("meeting", m);
        model.addAttribute("title", title(m));
        model.addAttribute("stateWord", JointMeetings.stateWord(m.state()));
        model.addAttribute("members", members.stream()
                .map(x -> new MemberRow(x, answerWord(x), attendanceWord(x))).toList());
        model.addAttribute("agenda", agenda.stream().map(i -> new ItemRow(i,
                i.memberKey() == null ? null : memberNames.getOrDefault(i.memberKey(), i.memberKey()),
                decisionWord(i.decision()), i.mergedInto() == null ? null : titles.get(i.mergedInto()))).toList());
        model.addAttribute("resolutions", resolutions(id));
        model.addAttribute("minutesRecorded", minutesRecorded(m));
        model.addAttribute("minutesBy", m.minutesBy() == null ? null : displayName(m.minutesBy()));
        model.addAttribute("zone", clock.getZone());
        return "meeting/page";
    }

    @GetMapping("/meetings/{id}/minutes.pdf")
    ResponseEntity<byte[]> minutes(@PathVariable long id, Authentication who) {
        Meeting m = readable(id, who);
        if (!minutesRecorded(m)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "会议纪要尚未记录 The minutes of meeting " + id + " have not been recorded yet.");
        }
        byte[] document = render(m, meetings.members(id), meetings.agenda(id), resolutions(id));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename("meeting-" + id + "-minutes.pdf").build().toString())
                .body(document);
    }

    private Meeting readable(long id, Authentication who) {
        Meeting m = meetings.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no joint meeting " + id));
        if (!isMember(who, m)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "the joint meeting's page is for its members and the street committee");
        }
        return m;
    }

    /** The street committee; the meeting's community (secretary, staff, residents); a unit sitting in it. */
    private boolean isMember(Authentication who, Meeting m) {
        Parties parties = Parties.of(who);
        if (parties.everything() || parties.communities().contains(m.communityId())
                || residentsOf(who).contains(m.communityId())) {
            return true;
        }
        return !parties.units().isEmpty() && meetings.members(m.id()).stream()
                .anyMatch(x -> "UNIT".equals(x.kind()) && parties.units().contains(x.partyId()));
    }

    /** The communities whose residents' representatives the person is ({@code residents-<id>}); Parties leaves them out. */
    private static Set<String> residentsOf(Authentication who) {
        String prefix = "GROUP_" + Groups.residents("");
        return who == null ? Set.of() : who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length()))
                .collect(Collectors.toSet());
    }

    /** Held, and its minutes written: a meeting under way is HELD before its minutes are. */
    private static boolean minutesRecorded(Meeting m) {
        return ("HELD".equals(m.state()) || "MINUTES_RECORDED".equals(m.state())) && m.minutesAt() != null;
    }

    private List<ResolutionRow> resolutions(long meetingId) {
        LocalDate today = LocalDate.now(clock);
        Map<Long, Integer> carried = meetings.carriedCounts(meetingId);
        return meetings.resolutionsOf(meetingId).stream().map(r -> {
            String standing = JointMeetings.standing(r.state(), r.deadline(), today);
            return new ResolutionRow(r, standing, JointMeetings.standingWord(standing), carried.getOrDefault(r.id(), 0));
        }).toList();
    }

    private static String title(Meeting m) {
        return m.communityName() + " " + m.quarter() + ("EXTRA".equals(m.kind()) ? " 临时联席会议" : " 季度联席会议");
    }

    private static String answerWord(Member m) {
        if (m.answer() == null) {
            return "未答复 no answer";
        }
        return switch (m.answer()) {
            case "ATTEND" -> "出席 will attend";
            case "DEPUTY" -> "委派代表 sends a deputy" + (m.deputyName() == null ? "" : "：" + m.deputyName());
            case "ABSENT" -> "请假 absent" + (m.absenceReason() == null ? "" : "：" + m.absenceReason());
            default -> m.answer();
        };
    }

    private static String attendanceWord(Member m) {
        if (m.attendance() == null) {
            return "未记录 not recorded";
        }
        return switch (m.attendance()) {
            case "PRESENT" -> "出席 present";
            case "DEPUTY" -> "代表出席 deputy" + (m.deputyName() == null ? "" : "：" + m.deputyName());
            case "ABSENT" -> "缺席 absent";
            default -> m.attendance();
        };
    }

    private static String decisionWord(String decision) {
        if (decision == null) {
            return "待定 undecided";
        }
        return switch (decision) {
            case "ACCEPTED" -> "采纳 accepted";
            case "MERGED" -> "合并 merged";
            case "DEFERRED" -> "暂缓 deferred";
            default -> decision;
        };
    }

    private String displayName(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        return user == null ? userId : user.getFirstName();
    }

    // the minutes as a PDF

    private byte[] render(Meeting m, List<Member> members, List<Item> agenda, List<ResolutionRow> resolutions) {
        BaseFont base = fonts.chinese();
        Font heading = new Font(base, 13, Font.BOLD);
        Font body = new Font(base, 11);
        Function<String, Paragraph> line = text -> new Paragraph(text, body);
        Map<String, String> memberNames = members.stream().collect(Collectors.toMap(Member::key, Member::name));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(title(m) + " 会议纪要");
            doc.open();
            Paragraph head = new Paragraph(title(m) + " 会议纪要", new Font(base, 18, Font.BOLD));
            head.setAlignment(Element.ALIGN_CENTER);
            doc.add(head);
            doc.add(line.apply(" "));
            doc.add(line.apply("时间：" + (m.meetingAt() == null ? "—" : time.format(m.meetingAt()))));
            doc.add(line.apply("地点：" + (m.place() == null ? "—" : m.place())));
            if (m.purpose() != null && !m.purpose().isBlank()) {
                doc.add(line.apply("事由：" + m.purpose()));
            }

            doc.add(new Paragraph("一、出席情况", heading));
            for (Member x : members) {
                doc.add(line.apply(x.name() + "：" + attendanceWord(x)));
            }

            doc.add(new Paragraph("二、议题", heading));
            int n = 1;
            for (Item i : agenda) {
                StringBuilder text = new StringBuilder(n++ + ". " + i.title());
                text.append("（提出：").append(i.askedBy());
                if (i.memberKey() != null) {
                    text.append("，").append(memberNames.getOrDefault(i.memberKey(), i.memberKey()));
                }
                text.append("）");
                if (i.carried()) {
                    text.append(" 延续第").append(i.carriedCount()).append("次");
                }
                text.append(" — ").append(decisionWord(i.decision()));
                if (i.decisionReason() != null && !i.decisionReason().isBlank()) {
                    text.append("：").append(i.decisionReason());
                }
                doc.add(line.apply(text.toString()));
            }

            doc.add(new Paragraph("三、会议纪要", heading));
            doc.add(line.apply(m.summary() == null ? "—" : m.summary()));
            if (m.minutesAt() != null) {
                doc.add(line.apply("记录：" + (m.minutesBy() == null ? "" : displayName(m.minutesBy()) + "，")
                        + time.format(m.minutesAt())));
            }

            doc.add(new Paragraph("四、决议事项", heading));
            if (resolutions.isEmpty()) {
                doc.add(line.apply("无"));
            }
            n = 1;
            for (ResolutionRow row : resolutions) {
                Resolution r = row.resolution();
                doc.add(line.apply(n++ + ". " + r.what()));
                doc.add(line.apply("    责任方：" + r.ownerName() + "；完成时限：" + r.deadline() + "；验收方式：" + r.verification()
                        + "；状态：" + row.standingWord() + (row.carried() > 0 ? "，延续 " + row.carried() + " 次" : "")));
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot render the minutes of meeting " + m.id() + " as PDF", e);
        }
        return out.toByteArray();
    }

    @ExceptionHandler(PdfFonts.FontMissingException.class)
    ResponseEntity<String> noFont(PdfFonts.FontMissingException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }
}
