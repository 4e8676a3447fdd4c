package dev.agentauth.local.aws;

import dev.agentauth.local.template.Resolver;
import dev.agentauth.local.template.Template;

/**
 * Creates one resource type of the template in the emulator. Implementations are idempotent:
 * against a long-lived emulator ({@code AWS_ENDPOINT_URL}) they adopt what already exists.
 */
interface ResourceProvisioner {

    /** The CloudFormation type handled, e.g. {@code AWS::DynamoDB::Table}. */
    String type();

    PhysicalResource provision(Template.Resource resource, Resolver resolver, Template template);
}
