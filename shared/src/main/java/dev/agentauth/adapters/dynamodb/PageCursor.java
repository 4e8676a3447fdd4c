package dev.agentauth.adapters.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentauth.domain.BadRequestException;
import dev.agentauth.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The opaque list cursor: base64url of the JSON of a DynamoDB key (string attributes only). A
 * cursor is accepted only if its partition key belongs to the calling tenant, so a cursor can
 * never open another tenant's partition; anything else is a 400.
 */
public final class PageCursor {

    private PageCursor() {}

    public static String encode(Map<String, AttributeValue> key) {
        ObjectNode node = Json.object();
        key.forEach((name, value) -> node.put(name, value.s()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(node).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The key inside {@code cursor}; {@code tenantAttribute} must exist and start with
     * {@code tenantPrefix}, and only {@code allowedAttributes} may appear.
     */
    public static Map<String, AttributeValue> decode(String cursor, String tenantAttribute, String tenantPrefix,
            java.util.Set<String> allowedAttributes) {
        JsonNode node;
        try {
            node = Json.parse(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | Json.MalformedJsonException e) {
            throw invalid();
        }
        if (!node.isObject() || node.size() == 0) throw invalid();
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (var entry : node.properties()) {
            if (!allowedAttributes.contains(entry.getKey()) || !entry.getValue().isTextual()) throw invalid();
            key.put(entry.getKey(), AttributeValue.fromS(entry.getValue().asText()));
        }
        AttributeValue tenant = key.get(tenantAttribute);
        if (tenant == null || !tenant.s().startsWith(tenantPrefix) || !key.keySet().containsAll(allowedAttributes)) {
            throw invalid();
        }
        return key;
    }

    private static BadRequestException invalid() {
        return new BadRequestException("cursor is not valid");
    }
}
