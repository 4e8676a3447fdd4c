package dev.agentauth.application.paging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentauth.json.Json;
import java.util.function.Function;

/** The list shape of API.md: {@code {"items":[...],"next_cursor":null|"..."}}. */
public final class PageJson {

    private PageJson() {}

    public static <T> ObjectNode render(Page<T> page, Function<T, ? extends JsonNode> item) {
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray("items");
        page.items().forEach(i -> items.add(item.apply(i)));
        out.put("next_cursor", page.nextCursor().orElse(null));
        return out;
    }
}
