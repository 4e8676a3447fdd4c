package dev.agentauth.adapters.events;

import dagger.Module;
import dagger.Provides;
import dev.agentauth.application.events.EventPublisher;
import dev.agentauth.config.EventBridgeModule;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** Domain events on the stack's EventBridge bus. */
@Module(includes = EventBridgeModule.class)
public final class EventsModule {

    private EventsModule() {}

    @Provides
    @Singleton
    static EventPublisher publisher(EventBridgeClient events, @Named("eventBusName") String busName) {
        return new EventBridgePublisher(events, busName);
    }
}
