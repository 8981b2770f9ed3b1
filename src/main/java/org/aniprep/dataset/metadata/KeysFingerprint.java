package org.aniprep.dataset.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.aniprep.sidecar.SeedKeys;
import org.aniprep.sidecar.Sidecar;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short fingerprint of the five keys as {@code metadata} wrote them: the first 16 hex digits of
 * the SHA-256 of their compact JSON. Keys that no longer match it were changed by someone else.
 */
final class KeysFingerprint {
    private static final ObjectMapper COMPACT = new ObjectMapper();

    private KeysFingerprint() {
    }

    static String of(SeedKeys keys) {
        try {
            ObjectNode node = keys.writeTo(Sidecar.empty()).json();
            node.remove("schema");
            byte[] json = COMPACT.writeValueAsBytes(node);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
