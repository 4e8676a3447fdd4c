package dev.agentauth.local.aws;

import dev.agentauth.local.template.Resolver;
import dev.agentauth.local.template.Template;
import java.util.Map;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AlreadyExistsException;

/** {@code AWS::KMS::Alias}; {@code Ref} of an alias is its name ({@code alias/...}). */
final class KmsAliasProvisioner implements ResourceProvisioner {

    private final KmsClient kms;

    KmsAliasProvisioner(KmsClient kms) {
        this.kms = kms;
    }

    @Override
    public String type() {
        return "AWS::KMS::Alias";
    }

    @Override
    public PhysicalResource provision(Template.Resource resource, Resolver resolver, Template template) {
        String name = resolver.string(resource.properties().get("AliasName"));
        String target = resolver.string(resource.properties().get("TargetKeyId"));
        try {
            kms.createAlias(b -> b.aliasName(name).targetKeyId(target));
        } catch (AlreadyExistsException exists) {
            kms.updateAlias(b -> b.aliasName(name).targetKeyId(target));
        }
        return new PhysicalResource(resource.logicalId(), type(), name, Map.of());
    }
}
