package io.dossier.platform;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** {@code @ExtendWith(PlatformExtension.class)}: the test class runs against the started platform. */
public class PlatformExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        Platform.start();
    }
}
