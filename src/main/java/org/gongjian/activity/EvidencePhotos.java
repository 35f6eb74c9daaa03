package org.gongjian.activity;

import java.util.Arrays;

/**
 * What an evidence photo may be: a JPEG, PNG or WebP image (recognised by its first bytes, not by
 * the name or the type the browser claims) of at most {@link #MAX_BYTES}, at most {@link #MAX_PER_ACTIVITY} per activity.
 */
final class EvidencePhotos {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_PER_ACTIVITY = 12;

    private EvidencePhotos() {
    }

    /** The image type of the content, or null if it is none of the accepted ones. */
    static String contentType(byte[] content) {
        if (starts(content, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(content, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (content.length >= 12 && starts(content, 'R', 'I', 'F', 'F')
                && Arrays.equals(Arrays.copyOfRange(content, 8, 12), new byte[] {'W', 'E', 'B', 'P'})) {
            return "image/webp";
        }
        return null;
    }

    /** A file name safe to show and store: no path, no control characters, at most 200 characters. */
    static String fileName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>]", "").strip();
        if (name.isEmpty()) {
            name = "photo";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static boolean starts(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
