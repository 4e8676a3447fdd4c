package dev.agentauth.application.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentauth.json.Json;
import java.util.TreeMap;

/** The API shape of an audit record. */
public final class AuditJson {

    private AuditJson() {}

    public static ObjectNode render(AuditRecord r) {
        ObjectNode o = Json.object();
        o.put("at", r.at().toString());
        o.put("actor", r.actor());
        o.put("tenant_id", r.tenantId());
        o.put("action", r.action());
        o.put("target", r.target());
        o.put("outcome", r.outcome());
        o.put("request_id", r.requestId());
        o.set("detail", Json.mapper().valueToTree(new TreeMap<>(r.detail())));
        return o;
    }
}
