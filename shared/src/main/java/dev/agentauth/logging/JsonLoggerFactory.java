package dev.agentauth.logging;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.slf4j.spi.MDCAdapter;

/** One {@link JsonLogger} per name; this project's loggers at the configured level, libraries at WARN. */
final class JsonLoggerFactory implements ILoggerFactory {

    private static final String PROJECT = "dev.agentauth";

    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final Level projectLevel;
    private final Level libraryLevel;
    private final String service;
    private final MDCAdapter mdc;

    JsonLoggerFactory(Level projectLevel, Level libraryLevel, String service, MDCAdapter mdc) {
        this.projectLevel = projectLevel;
        this.libraryLevel = libraryLevel;
        this.service = service;
        this.mdc = mdc;
    }

    @Override
    public Logger getLogger(String name) {
        return loggers.computeIfAbsent(name, n -> new JsonLogger(n,
                n.equals(PROJECT) || n.startsWith(PROJECT + ".") ? projectLevel : libraryLevel, service, mdc));
    }
}
