package dev.agentauth.http;

import dagger.BindsOptionalOf;
import dagger.Module;
import dev.agentauth.application.audit.AuditLog;

/** The HTTP pipeline's optional collaborators: functions that have an audit log audit denied requests. */
@Module
public abstract class HttpModule {
    @BindsOptionalOf
    abstract AuditLog auditLog();
}
