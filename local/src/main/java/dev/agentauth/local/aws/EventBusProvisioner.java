package dev.agentauth.local.aws;

import dev.agentauth.local.template.Resolver;
import dev.agentauth.local.template.Template;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;

/** {@code AWS::Events::EventBus}; {@code Ref} of a bus is its name. */
final class EventBusProvisioner implements ResourceProvisioner {

    private final EventBridgeClient events;

    EventBusProvisioner(EventBridgeClient events) {
        this.events = events;
    }

    @Override
    public String type() {
        return "AWS::Events::EventBus";
    }

    @Override
    public PhysicalResource provision(Template.Resource resource, Resolver resolver, Template template) {
        String name = resolver.string(resource.properties().get("Name"));
        String arn;
        try {
            arn = events.createEventBus(b -> b.name(name)).eventBusArn();
        } catch (ResourceAlreadyExistsException exists) {
            arn = events.describeEventBus(b -> b.name(name)).arn();
        }
        return new PhysicalResource(resource.logicalId(), type(), name, Map.of("Arn", arn, "Name", name));
    }
}
