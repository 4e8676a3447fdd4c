package dev.agentauth.local.template;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads CloudFormation YAML into plain maps and lists. The short-form tags ({@code !Ref},
 * {@code !Sub}, {@code !GetAtt}, ...) become their long form ({@code {"Ref": ...}},
 * {@code {"Fn::Sub": ...}}), so one resolver handles both spellings.
 */
public final class CfnYaml {

    private static final List<String> FUNCTIONS = List.of("Base64", "Cidr", "FindInMap", "GetAZs", "ImportValue",
            "Join", "Select", "Split", "Sub", "Transform", "If", "Equals", "Not", "And", "Or", "GetAtt");

    private CfnYaml() {}

    public static Map<String, Object> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return read(reader);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not read " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Reader reader) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(16 * 1024 * 1024);
        Object document = new Yaml(new IntrinsicConstructor(options)).load(reader);
        if (!(document instanceof Map<?, ?> map)) throw new IllegalArgumentException("not a YAML mapping");
        return (Map<String, Object>) map;
    }

    private static final class IntrinsicConstructor extends SafeConstructor {
        IntrinsicConstructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
            for (String function : FUNCTIONS) yamlConstructors.put(new Tag("!" + function), new Intrinsic("Fn::" + function));
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String name;

            Intrinsic(String name) {
                this.name = name;
            }

            @Override
            public Object construct(Node node) {
                Object value = switch (node) {
                    case ScalarNode scalar -> {
                        String text = constructScalar(scalar);
                        // !GetAtt Resource.Attribute is the short form of ["Resource", "Attribute"]
                        yield name.equals("Fn::GetAtt") ? List.of(text.split("\\.", 2)) : text;
                    }
                    case SequenceNode sequence -> constructSequence(sequence);
                    case MappingNode mapping -> constructMapping(mapping);
                    default -> throw new IllegalArgumentException("unsupported node for !" + name);
                };
                return Map.of(name, value);
            }
        }
    }
}
