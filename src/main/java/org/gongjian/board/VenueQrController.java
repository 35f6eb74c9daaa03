package org.gongjian.board;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.gongjian.activity.Activities;
import org.gongjian.activity.Activities.Activity;
import org.gongjian.activity.ActivityAccess;
import org.gongjian.activity.ActivityNotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The QR code shown at the venue: scanning it opens the activity's check-in page with its code.
 * The code is what makes a check-in count, so only those who run the activity see it: the unit's
 * liaison and leader, the community's staff and secretary, the street committee, administrators.
 */
@Controller
class VenueQrController {

    static final int PIXELS = 600;

    private final Activities activities;
    private final ZoneId zone;
    private final String baseUrl;

    VenueQrController(Activities activities, @Value("${gongjian.zone}") String zone,
                      @Value("${gongjian.base-url}") String baseUrl) {
        this.activities = activities;
        this.zone = ZoneId.of(zone);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @GetMapping("/activities/{id}/qr")
    String page(@PathVariable long id, Authentication who, Model model) {
        Activity activity = runBy(id, who);
        model.addAttribute("activity", activity);
        model.addAttribute("checkinUrl", checkinUrl(activity));
        model.addAttribute("zone", zone);
        return "board/qr";
    }

    @GetMapping("/activities/{id}/qr.png")
    ResponseEntity<byte[]> image(@PathVariable long id, Authentication who) {
        Activity activity = runBy(id, who);
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                // the code inside is a key to check-in: no shared cache keeps it
                .cacheControl(CacheControl.noStore())
                .body(png(checkinUrl(activity)));
    }

    /** What the code encodes: the public check-in page with the activity's check-in code. */
    String checkinUrl(Activity activity) {
        return UriComponentsBuilder.fromUriString(baseUrl).path("/a/{id}/checkin").queryParam("c", activity.checkinCode())
                .buildAndExpand(activity.id()).encode().toUriString();
    }

    static byte[] png(String text) {
        try {
            // one pixel per module, then whole pixels per module: no uneven scaling for a camera to guess at
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                    EncodeHintType.MARGIN, 4));
            int scale = Math.max(1, PIXELS / matrix.getWidth());
            BufferedImage image = new BufferedImage(matrix.getWidth() * scale, matrix.getHeight() * scale,
                    BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    image.setRGB(x, y, matrix.get(x / scale, y / scale) ? 0x000000 : 0xFFFFFF);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalStateException("cannot encode " + text + " as a QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Activity runBy(long id, Authentication who) {
        Activity activity = activities.find(id).orElseThrow(() -> new ActivityNotFoundException(id));
        if (!ActivityAccess.mayRead(who, activity)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "only the unit's liaison or leader, the community's staff or secretary and the street committee see this code");
        }
        return activity;
    }
}
