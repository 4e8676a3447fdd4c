package dev.agentauth.local.aws;

import dev.agentauth.local.template.Resolver;
import dev.agentauth.local.template.Template;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/**
 * {@code AWS::KMS::Key}. A key has no name, so to stay idempotent against a long-lived emulator
 * it adopts the key that an alias of the template (one targeting this key) already points at.
 */
final class KmsKeyProvisioner implements ResourceProvisioner {

    private final KmsClient kms;

    KmsKeyProvisioner(KmsClient kms) {
        this.kms = kms;
    }

    @Override
    public String type() {
        return "AWS::KMS::Key";
    }

    @Override
    public PhysicalResource provision(Template.Resource resource, Resolver resolver, Template template) {
        KeyMetadata key = existingThroughAlias(resource, resolver, template).orElseGet(() -> {
            Map<String, Object> properties = resource.properties();
            return kms.createKey(b -> {
                Object description = properties.get("Description");
                if (description != null) b.description(resolver.string(description));
                Object spec = properties.get("KeySpec");
                if (spec != null) b.keySpec(resolver.string(spec));
                Object usage = properties.get("KeyUsage");
                if (usage != null) b.keyUsage(resolver.string(usage));
            }).keyMetadata();
        });
        return new PhysicalResource(resource.logicalId(), type(), key.keyId(), Map.of("Arn", key.arn(), "KeyId", key.keyId()));
    }

    private Optional<KeyMetadata> existingThroughAlias(Template.Resource key, Resolver resolver, Template template) {
        for (Template.Resource alias : template.resourcesOfType("AWS::KMS::Alias")) {
            Object target = alias.properties().get("TargetKeyId");
            if (!(target instanceof Map<?, ?> ref) || !key.logicalId().equals(ref.get("Ref"))) continue;
            String aliasName = resolver.string(alias.properties().get("AliasName"));
            try {
                return Optional.of(kms.describeKey(b -> b.keyId(aliasName)).keyMetadata());
            } catch (NotFoundException absent) {
                // first start against this emulator: the key is created below
            }
        }
        return Optional.empty();
    }
}
