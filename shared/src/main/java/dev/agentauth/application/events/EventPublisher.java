package dev.agentauth.application.events;

/** Port: publishes domain events on the stack's event bus. Throws when the bus did not accept one. */
public interface EventPublisher {
    void publish(DomainEvent event);
}
