package io.migration.testsupport;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** See {@link RealServices}. One {@link TestServices} per test class, created before all its tests. */
public final class RealServicesExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RealServicesExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        String prefix = ("t_" + context.getRequiredTestClass().getSimpleName() + "_"
                        + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xFFFF)))
                .toLowerCase(Locale.ROOT);
        TestServices services = new TestServices(ServiceEndpoints.resolve(), prefix);
        services.createDatabases();
        context.getStore(NAMESPACE).put(TestServices.class, services);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        TestServices services = context.getStore(NAMESPACE).remove(TestServices.class, TestServices.class);
        if (services != null && !"true".equals(System.getenv("TEST_KEEP_DATABASES"))) {
            services.dropEverything();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestServices.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestServices services = context.getStore(NAMESPACE).get(TestServices.class, TestServices.class);
        if (services == null) {
            services =
                    context.getParent().orElseThrow().getStore(NAMESPACE).get(TestServices.class, TestServices.class);
        }
        return services;
    }
}
