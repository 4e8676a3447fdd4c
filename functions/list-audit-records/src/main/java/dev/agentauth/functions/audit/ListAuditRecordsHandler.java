package dev.agentauth.functions.audit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.agentauth.application.audit.AuditJson;
import dev.agentauth.application.audit.AuditQuery;
import dev.agentauth.application.audit.AuditRecord;
import dev.agentauth.application.audit.ListAuditRecords;
import dev.agentauth.application.paging.Page;
import dev.agentauth.application.paging.PageJson;
import dev.agentauth.application.paging.PageRequest;
import dev.agentauth.config.Environment;
import dev.agentauth.http.ApiResponse;
import dev.agentauth.http.HttpApi;
import dev.agentauth.http.Permission;
import dev.agentauth.lambda.Priming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** GET /v1/audit. */
public final class ListAuditRecordsHandler implements RequestStreamHandler {

    private final HttpApi api;
    private final ListAuditRecords useCase;

    public ListAuditRecordsHandler() {
        this(Environment.system());
    }

    public ListAuditRecordsHandler(Environment environment) {
        ListAuditRecordsComponent component = ListAuditRecordsComponent.create(environment);
        this.api = component.api();
        this.useCase = component.useCase();
        Priming.register(this);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        api.serve(input, output, context, Permission.AUDIT_READ, request -> {
            AuditQuery query = new AuditQuery(request.query("connection_id"), request.query("account_id"), request.query("action"));
            Page<AuditRecord> page = useCase.list(request.caller(), query, PageRequest.of(request.query("limit"), request.query("cursor")));
            return ApiResponse.ok(PageJson.render(page, AuditJson::render));
        });
    }
}
