package io.dossier.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * Each overlay rendered by {@code kubectl kustomize} (no cluster needed) and every object parsed with the fabric8
 * Kubernetes model; then what a cluster would otherwise tell us the hard way: images, probes, resources, the
 * environment each service reads in production, secrets referenced and never inlined, network policies, TLS, and
 * the stateful servers' operator resources.
 */
class KubernetesManifestsTest {

    static List<HasMetadata> render(String overlay) throws IOException, InterruptedException {
        return parse(renderYaml(overlay));
    }

    static List<HasMetadata> parse(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (document.isBlank()) {
                continue;
            }
            Object parsed = Serialization.unmarshal(document);
            if (parsed instanceof KubernetesList list) {
                objects.addAll(list.getItems());
            } else {
                objects.add((HasMetadata) parsed);
            }
        }
        return objects;
    }

    static String renderYaml(String overlay) throws IOException, InterruptedException {
        Path dir = Repository.root().resolve("deploy/kubernetes/overlays").resolve(overlay);
        Process kubectl;
        try {
            kubectl = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectError(
                    ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException("kubectl is needed to render the overlays (.ci/run installs Debian's "
                    + "kubernetes-client when it is missing)", e);
        }
        String yaml = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(kubectl.exitValue()).as("kubectl kustomize %s", overlay).isZero();
        return yaml;
    }

    private static <T> List<T> all(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static List<GenericKubernetesResource> custom(List<HasMetadata> objects, String kind) {
        return all(objects, GenericKubernetesResource.class).stream().filter(r -> kind.equals(r.getKind())).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    @SuppressWarnings("unchecked")
    void everyServiceIsDeployedWithImageProbesResourcesAndItsProductionEnvironment(String overlay) throws Exception {
        List<HasMetadata> objects = render(overlay);
        Map<String, ConfigMap> configMaps = all(objects, ConfigMap.class).stream()
                .collect(Collectors.toMap(c -> c.getMetadata().getName(), c -> c));
        Map<String, Deployment> deployments = all(objects, Deployment.class).stream()
                .collect(Collectors.toMap(d -> d.getMetadata().getName(), d -> d));
        assertThat(deployments).containsOnlyKeys(Repository.SERVICES);
        Set<String> serviceNames = all(objects, Service.class).stream().map(s -> s.getMetadata().getName())
                .collect(Collectors.toSet());
        for (String name : Repository.SERVICES) {
            Deployment d = deployments.get(name);
            assertThat(serviceNames).as("a Service for %s", name).contains(name);
            var pod = d.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as("%s runs as non-root", name).isTrue();
            assertThat(pod.getContainers()).hasSize(1);
            Container c = pod.getContainers().get(0);
            assertThat(c.getImage()).as("%s image", name).startsWith("dossier/" + name + ":")
                    .doesNotEndWith(":latest");
            // the service's port, and its metrics on a port of their own (the management interface)
            assertThat(c.getPorts()).extracting(p -> p.getName() + ":" + p.getContainerPort()).containsExactly(
                    "http:" + Repository.PORTS.get(name), "metrics:" + (Repository.PORTS.get(name) + 1000));
            for (String resource : List.of("cpu", "memory")) {
                assertThat(c.getResources().getRequests()).as("%s requests", name).containsKey(resource);
            }
            assertThat(c.getResources().getLimits()).as("%s limits", name).containsKey("memory");
            assertProbe(c.getStartupProbe(), "/q/health/started", name);
            assertProbe(c.getReadinessProbe(), "/q/health/ready", name);
            assertProbe(c.getLivenessProbe(), "/q/health/live", name);
            assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();

            Set<String> set = new HashSet<>();
            for (EnvVar env : c.getEnv()) {
                if (env.getValue() != null) {
                    set.add(env.getName());
                } else if (env.getValueFrom().getConfigMapKeyRef() != null) {
                    var ref = env.getValueFrom().getConfigMapKeyRef();
                    assertThat(configMaps).as("ConfigMap %s", ref.getName()).containsKey(ref.getName());
                    assertThat(configMaps.get(ref.getName()).getData()).as("%s in %s", ref.getKey(), ref.getName())
                            .containsKey(ref.getKey());
                    set.add(env.getName());
                } else if (env.getValueFrom().getSecretKeyRef() != null) {
                    set.add(env.getName());
                }
                if (env.getName().matches(".*(SECRET|PASSWORD).*")) {
                    assertThat(env.getValue()).as("%s of %s is a secret: referenced, never inlined",
                            env.getName(), name).isNull();
                    assertThat(env.getValueFrom().getSecretKeyRef()).isNotNull();
                }
            }
            assertThat(set).as("%s sets every variable its production configuration reads", name)
                    .containsAll(Repository.requiredVariables(name));
        }
        assertThat(all(objects, Secret.class)).as("no Secret is inlined in the manifests").isEmpty();
        // each service scraped by Prometheus on its metrics port, alerts for the operators, the dashboard
        assertThat(custom(objects, "ServiceMonitor")).extracting(m -> m.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(Repository.SERVICES);
        assertThat(custom(objects, "ServiceMonitor")).allSatisfy(m -> assertThat(m.<List<Map<String, Object>>>get(
                "spec", "endpoints")).singleElement().satisfies(e -> {
                    assertThat(e.get("port")).isEqualTo("metrics");
                    assertThat(e.get("path")).isEqualTo("/q/metrics");
                }));
        for (Service service : all(objects, Service.class)) {
            if (Repository.SERVICES.contains(service.getMetadata().getName())) {
                assertThat(service.getSpec().getPorts()).extracting(p -> p.getName()).contains("metrics");
            }
        }
        List<Map<String, Object>> groups = custom(objects, "PrometheusRule").get(0).get("spec", "groups");
        assertThat(groups.stream().flatMap(g -> ((List<Map<String, Object>>) g.get("rules")).stream())
                .map(r -> r.get("alert"))).contains("DossierIndexingBehind", "DossierErrorRate",
                        "DossierNotReady", "DossierUnavailableAnswers", "DossierTokenFailures");
        ConfigMap dashboard = configMaps.get("dossier-dashboard");
        assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        assertThat(dashboard.getData().get("dossier-dashboard.json")).contains("dossier_indexer_lag",
                "http_server_requests_seconds_bucket");
    }

    private static void assertProbe(Probe probe, String path, String service) {
        assertThat(probe).as("%s probe on %s", service, path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void networkPoliciesIngressAndStatefulServers(String overlay) throws Exception {
        List<HasMetadata> objects = render(overlay);
        List<NetworkPolicy> policies = all(objects, NetworkPolicy.class);
        assertThat(policies).anySatisfy(p -> {
            assertThat(p.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(p.getSpec().getPolicyTypes()).contains("Ingress");
            assertThat(p.getSpec().getIngress()).isNullOrEmpty();
        });
        Map<String, NetworkPolicy> byName = policies.stream()
                .collect(Collectors.toMap(p -> p.getMetadata().getName(), p -> p));
        for (String service : Repository.SERVICES) {
            NetworkPolicy p = byName.get(service);
            assertThat(p).as("policy of %s", service).isNotNull();
            assertThat(p.getSpec().getPolicyTypes()).contains("Ingress", "Egress");
        }
        // only the gateway and the search service (its feeds) reach sources and entities; the entities service
        // reaches the sources service too (it checks the sources that relations cite)
        Map<String, List<String>> callers = Map.of("sources-service",
                List.of("gateway", "search-service", "entities-service"), "entities-service",
                List.of("gateway", "search-service"));
        callers.forEach((service, allowed) -> assertThat(byName.get(service).getSpec().getIngress())
                .flatExtracting(r -> r.getFrom())
                .extracting(peer -> peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"))
                .containsExactlyInAnyOrderElementsOf(allowed));
        assertThat(byName.get("elasticsearch").getSpec().getIngress().get(0).getFrom())
                .extracting(peer -> peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"))
                .containsExactly("search-service");

        Ingress ingress = all(objects, Ingress.class).get(0);
        assertThat(ingress.getSpec().getTls()).hasSize(1);
        List<String> tlsHosts = ingress.getSpec().getTls().get(0).getHosts();
        assertThat(ingress.getSpec().getRules()).allSatisfy(r -> assertThat(tlsHosts).contains(r.getHost()));
        assertThat(ingress.getSpec().getRules()).extracting(r -> r.getHttp().getPaths().get(0).getBackend()
                .getService().getName()).containsExactlyInAnyOrder("gateway", "keycloak-service");

        int servers = overlay.equals("prod") ? 3 : 1;
        GenericKubernetesResource es = custom(objects, "Elasticsearch").get(0);
        List<Map<String, Object>> nodeSets = es.get("spec", "nodeSets");
        assertThat(nodeSets.stream().mapToInt(n -> ((Number) n.get("count")).intValue()).sum()).isEqualTo(servers);
        assertThat(custom(objects, "Cluster").get(0).<Number>get("spec", "instances").intValue()).isEqualTo(servers);
        assertThat(custom(objects, "Keycloak")).hasSize(1);
        assertThat(custom(objects, "KeycloakRealmImport").get(0).<String>get("spec", "keycloakCRName"))
                .isEqualTo("keycloak");
    }

    /**
     * Keycloak imports the production realm in every overlay: no demo user, no test client, no redirect to a
     * developer's machine, and every client secret (and the public address) a placeholder that the operator fills from
     * a documented Secret key, the same key the service with that secret reads. Nothing of the development stack
     * anywhere in the render.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void keycloakImportsTheProductionRealmWithEverySecretFromASecret(String overlay) throws Exception {
        String yaml = renderYaml(overlay);
        List<HasMetadata> objects = parse(yaml);
        GenericKubernetesResource realmImport = custom(objects, "KeycloakRealmImport").get(0);
        Set<String> used = DevelopmentValues.assertProductionRealm(realmImport.get("spec", "realm"), overlay
                + " realm import");
        assertThat(used).contains("DOSSIER_GATEWAY_CLIENT_SECRET", "DOSSIER_SEARCH_CLIENT_SECRET");
        Map<String, Map<String, Map<String, String>>> placeholders = realmImport.get("spec", "placeholders");
        assertThat(placeholders).as("every placeholder of the realm is set from a Secret").containsOnlyKeys(used);

        Map<String, SecretKeySelector> servicesRead = new HashMap<>();
        for (Deployment d : all(objects, Deployment.class)) {
            for (EnvVar env : d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
                if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                    servicesRead.put(env.getName(), env.getValueFrom().getSecretKeyRef());
                }
            }
        }
        String documented = Repository.read(Repository.root().resolve("docs/scaling.md"));
        placeholders.forEach((variable, source) -> {
            Map<String, String> secret = source.get("secret");
            assertThat(secret).as("%s comes from a Secret", variable).containsKeys("name", "key");
            assertThat(documented).as("docs/scaling.md documents the Secret of %s", variable)
                    .contains("`" + secret.get("name") + "`").contains("`" + secret.get("key") + "`");
            SecretKeySelector service = servicesRead.get(variable);
            if (service != null) {
                assertThat(secret).as("Keycloak and the service read %s from the same key", variable)
                        .containsEntry("name", service.getName()).containsEntry("key", service.getKey());
            }
        });

        List<Object> tree = new ArrayList<>();
        new ObjectMapper(new YAMLFactory()).readerFor(Object.class).readValues(yaml).forEachRemaining(tree::add);
        DevelopmentValues.assertNoDevelopmentValue(yaml, tree, "the " + overlay + " render");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod"})
    void productionRunsEveryServiceTwiceWithAutoscalingAndDisruptionBudgets(String overlay) throws Exception {
        List<HasMetadata> objects = render(overlay);
        for (Deployment d : all(objects, Deployment.class)) {
            assertThat(d.getSpec().getReplicas()).as("%s replicas", d.getMetadata().getName())
                    .isGreaterThanOrEqualTo(2);
        }
        Map<String, HorizontalPodAutoscaler> hpas = all(objects, HorizontalPodAutoscaler.class).stream()
                .collect(Collectors.toMap(h -> h.getSpec().getScaleTargetRef().getName(), h -> h));
        assertThat(hpas).containsOnlyKeys(Repository.SERVICES);
        hpas.values().forEach(h -> assertThat(h.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2));
        Set<String> budgeted = all(objects, PodDisruptionBudget.class).stream()
                .map(p -> p.getSpec().getSelector().getMatchLabels().get("app.kubernetes.io/name"))
                .collect(Collectors.toSet());
        assertThat(budgeted).containsExactlyInAnyOrderElementsOf(Repository.SERVICES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev"})
    void devRunsOneOfEach(String overlay) throws Exception {
        List<HasMetadata> objects = render(overlay);
        assertThat(all(objects, Deployment.class)).allSatisfy(d -> assertThat(d.getSpec().getReplicas()).isEqualTo(1));
        assertThat(all(objects, HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(objects).allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).isEqualTo("dossier-dev"));
    }
}
