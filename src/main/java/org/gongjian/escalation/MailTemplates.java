package org.gongjian.escalation;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a mail from {@code templates/mail/<name>.txt} (plain text, Thymeleaf's text mode) and
 * {@code templates/mail/<name>.html}. Every mail reads on its own: Chinese first, English beneath.
 */
@Component
public class MailTemplates {

    private final ITemplateEngine html;
    private final SpringTemplateEngine text = new SpringTemplateEngine();

    MailTemplates(ITemplateEngine html) {
        this.html = html;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        text.setTemplateResolver(resolver);
    }

    public record Rendered(String text, String html) {}

    public Rendered render(String name, Map<String, Object> model) {
        Context context = new Context(Locale.SIMPLIFIED_CHINESE, model);
        return new Rendered(text.process("mail/" + name, context), html.process("mail/" + name, context));
    }
}
