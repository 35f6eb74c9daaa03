package org.gongjian.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Chinese font every printable document (the agreement, a meeting's minutes) embeds, so that any reader
 * shows it: {@code gongjian.pdf.font} when set, else the first CJK font with TrueType outlines found where
 * Debian keeps them.
 */
@Component
public class PdfFonts {

    /** Where Debian and most Linux systems keep a CJK font with TrueType outlines. */
    static final List<String> KNOWN_FONTS = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,0",
            "/usr/share/fonts/truetype/arphic/uming.ttc,0");

    /** No Chinese font was found; the message says how to provide one. Pages answer it with 503. */
    public static class FontMissingException extends IllegalStateException {
        FontMissingException() {
            super("No Chinese font for printable documents: install Debian's fonts-wqy-zenhei, "
                    + "or set gongjian.pdf.font to a TrueType font file (for a .ttc add ',0')");
        }
    }

    private final String configuredFont;

    PdfFonts(@Value("${gongjian.pdf.font:}") String configuredFont) {
        this.configuredFont = configuredFont;
    }

    public BaseFont chinese() {
        List<String> candidates = configuredFont.isBlank() ? KNOWN_FONTS : List.of(configuredFont);
        for (String candidate : candidates) {
            String file = candidate.contains(",") ? candidate.substring(0, candidate.lastIndexOf(',')) : candidate;
            if (Files.isReadable(Path.of(file))) {
                try {
                    return BaseFont.createFont(candidate, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
                } catch (DocumentException | IOException e) {
                    throw new IllegalStateException("cannot use font " + candidate + " for PDFs: " + e.getMessage(), e);
                }
            }
        }
        throw new FontMissingException();
    }
}
