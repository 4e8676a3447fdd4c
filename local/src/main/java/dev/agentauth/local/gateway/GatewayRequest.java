package dev.agentauth.local.gateway;

import java.util.List;
import java.util.Map;

/** An HTTP request as the gateway received it; header names as sent, each with all its values. */
public record GatewayRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                             byte[] body, String sourceIp, String protocol, String host) {}
