package dev.agentauth.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TemplateTest {

    private static final String YAML = """
            Parameters:
              Stage: {Type: String, Default: dev}
              Issuer: {Type: String}
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            Globals:
              Function:
                Timeout: 29
                Environment:
                  Variables:
                    TABLE: !Ref Table
                    PREFIX: !Sub agentauth/${AWS::StackName}/
                    SHARED: global
            Resources:
              Table: {Type: AWS::DynamoDB::Table, Properties: {}}
              Key: {Type: AWS::KMS::Key}
              Api:
                Type: AWS::Serverless::HttpApi
                Properties:
                  Auth:
                    DefaultAuthorizer: Jwt
                    Authorizers:
                      Jwt: {JwtConfiguration: {issuer: !Ref Issuer, audience: [aud]}}
              Hello:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: functions/hello
                  Handler: dev.example.Hello::handleRequest
                  Environment:
                    Variables:
                      SHARED: own
                      KEY_ARN: !GetAtt Key.Arn
                      MODE: !If [IsProd, strict, relaxed]
                      JOINED: !Join [':', [a, !Ref Stage]]
                  Events:
                    Get: {Type: HttpApi, Properties: {ApiId: !Ref Api, Method: get, Path: '/hello/{name}', Auth: {AuthorizationScopes: [hello:read]}}}
                    Open: {Type: HttpApi, Properties: {ApiId: !Ref Api, Method: ANY, Path: $default, Auth: {Authorizer: NONE}}}
                    Tick: {Type: Schedule, Properties: {Schedule: rate(5 minutes)}}
                    Nightly: {Type: ScheduleV2, Properties: {ScheduleExpression: 'cron(0 3 * * ? *)', State: DISABLED}}
            """;

    private final Template template = Template.of(CfnYaml.read(new StringReader(YAML)));

    @Test
    void readsShortFormIntrinsicsAsTheirLongForm() {
        Map<String, Object> variables = template.function("Hello").orElseThrow().environment();

        assertEquals(Map.of("Ref", "Table"), variables.get("TABLE"));
        assertEquals(Map.of("Fn::GetAtt", List.of("Key", "Arn")), variables.get("KEY_ARN"));
        assertEquals(Map.of("Fn::Sub", "agentauth/${AWS::StackName}/"), variables.get("PREFIX"));
    }

    @Test
    void mergesGlobalsIntoEachFunctionWithTheFunctionsValuesWinning() {
        FunctionDefinition hello = template.function("Hello").orElseThrow();

        assertEquals("own", hello.environment().get("SHARED"));
        assertEquals(29, hello.timeoutSeconds());
        assertEquals("dev.example.Hello", hello.handlerClass());
        assertEquals("hello", hello.moduleName());
    }

    @Test
    void resolvesIntrinsicsToLocalNames() {
        Resolver resolver = new Resolver(template, Map.of("AWS::StackName", "s1", "AWS::Region", "us-east-1",
                "AWS::AccountId", "123456789012", "AWS::Partition", "aws"), Map.of("Issuer", "http://issuer"),
                id -> id.equals("Table") ? "s1-table" : null,
                att -> att.equals(List.of("Key", "Arn")) ? "arn:aws:kms:us-east-1:123456789012:key/k1" : null);
        Map<String, Object> variables = template.function("Hello").orElseThrow().environment();

        assertEquals("s1-table", resolver.string(variables.get("TABLE")));
        assertEquals("agentauth/s1/", resolver.string(variables.get("PREFIX")));
        assertEquals("arn:aws:kms:us-east-1:123456789012:key/k1", resolver.string(variables.get("KEY_ARN")));
        assertEquals("relaxed", resolver.string(variables.get("MODE")));
        assertEquals("a:dev", resolver.string(variables.get("JOINED")));
        assertEquals("s1-Api", resolver.string(Map.of("Ref", "Api")));
    }

    @Test
    void listsHttpRoutesWithTheirEffectiveAuthorizer() {
        assertEquals(List.of(
                new HttpRoute("GET", "/hello/{name}", "Hello", "Jwt", List.of("hello:read")),
                new HttpRoute("ANY", "$default", "Hello", "NONE", List.of())), template.httpRoutes());
    }

    @Test
    void listsSchedulesWithTheirState() {
        List<ScheduleDefinition> schedules = template.schedules();

        assertEquals(new ScheduleDefinition("Hello", "Tick", "rate(5 minutes)", Optional.empty(), true), schedules.get(0));
        assertFalse(schedules.get(1).enabled());
    }
}
