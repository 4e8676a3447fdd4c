package dev.agentauth.adapters.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentauth.application.provider.ProviderCatalog;
import dev.agentauth.domain.provider.ProviderTemplate;
import dev.agentauth.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads the templates named in {@code providers/index.json} from the classpath, once. */
final class ClasspathProviderCatalog implements ProviderCatalog {

    private final Map<String, ProviderTemplate> templates;
    private final List<ProviderTemplate> ordered;

    ClasspathProviderCatalog() {
        List<ProviderTemplate> loaded = new ArrayList<>();
        for (JsonNode key : read("providers/index.json")) {
            ProviderTemplate template = Json.convert(read("providers/" + key.asText() + ".json"), ProviderTemplate.class);
            if (!template.key().equals(key.asText())) {
                throw new IllegalStateException("providers/" + key.asText() + ".json declares key " + template.key());
            }
            loaded.add(template);
        }
        loaded.sort(Comparator.comparing(ProviderTemplate::key));
        this.ordered = List.copyOf(loaded);
        this.templates = loaded.stream().collect(Collectors.toUnmodifiableMap(ProviderTemplate::key, Function.identity()));
    }

    @Override
    public List<ProviderTemplate> all() {
        return ordered;
    }

    @Override
    public Optional<ProviderTemplate> find(String key) {
        return Optional.ofNullable(templates.get(key));
    }

    private static JsonNode read(String resource) {
        try (InputStream in = ClasspathProviderCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable resource " + resource, e);
        }
    }
}
