package dev.weft.api;

import dev.weft.tokens.VerifiedToken;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.models.GroupedOpenApi;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The interactive API reference at {@code /docs}: OpenAPI documents for v1 and v2 generated from the API's
 * handlers, with a bearer-token "Authorize" so a user can paste a token and send requests from the browser.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfig {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(VerifiedToken.class);
    }

    private static final String BEARER = "siteToken";

    @Bean
    OpenAPI weftOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Weft Data API")
                        .description("Webflow-compatible Data API. Paste a site API token under Authorize, then use "
                                + "Try it out. v1 routes sit at the root (Accept-Version: 1.0.0 optional), v2 under /v2.")
                        .version("1.0.0 / 2.0.0"))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("A site API token (weft_site_…), from Project Settings → Integrations → API Access")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    GroupedOpenApi v1Api() {
        return GroupedOpenApi.builder()
                .group("v1")
                .displayName("Data API v1 (1.0.0)")
                .pathsToMatch("/info", "/user", "/sites", "/sites/**", "/collections/**", "/webhooks/**")
                .addOperationCustomizer((operation, handler) -> operation.addParametersItem(new HeaderParameter()
                        .name("Accept-Version")
                        .description("API version; 1.0.0 or leave it out")
                        .required(false)
                        .schema(new StringSchema()._enum(java.util.List.of("1.0.0")))))
                .build();
    }

    @Bean
    GroupedOpenApi v2Api() {
        return GroupedOpenApi.builder().group("v2").displayName("Data API v2").pathsToMatch("/v2/**").build();
    }
}
