package org.pipelinecrm.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import org.pipelinecrm.shared.CrmSettings;
import org.pipelinecrm.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Refuses webhook targets that would let a workspace reach into the installation's own network: loopback,
 * private (site-local and unique-local), link-local (with the cloud metadata address), any-local and multicast.
 * Every address the host resolves to is checked, when subscribing and again before each send (a name may be
 * pointed elsewhere later). The installation may allow them ({@code CRM_WEBHOOKS_ALLOW_PRIVATE_TARGETS}).
 */
@Component
class TargetGuard {

    private final boolean allowPrivate;

    @org.springframework.beans.factory.annotation.Autowired
    TargetGuard(CrmSettings settings) {
        this(settings.webhooks().allowPrivateTargets());
    }

    TargetGuard(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** The target as a URI; an {@link InvalidInputException} on field {@code url} when it may not be used. */
    URI check(String url) {
        URI uri;
        try {
            uri = url == null ? null : new URI(url.trim());
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        String scheme =
                uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new InvalidInputException(
                    "url", "webhook.url.invalid", "The address must be an http or https URL with a host");
        }
        if (uri.getUserInfo() != null) {
            throw new InvalidInputException(
                    "url", "webhook.url.invalid", "The address must be an http or https URL with a host");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new InvalidInputException("url", "webhook.url.unknownHost", "The host of the address is not known");
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (isPrivate(address)) {
                    throw new InvalidInputException(
                            "url",
                            "webhook.url.private",
                            "Addresses on loopback or private networks are not allowed as webhook targets");
                }
            }
        }
        return uri;
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isSiteLocalAddress()
                || address.isLinkLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            // fc00::/7 unique-local; an IPv4-mapped or -compatible address is judged as its IPv4 address
            if ((b[0] & 0xfe) == 0xfc) {
                return true;
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
                try {
                    return isPrivate(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            return false;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        // 0.0.0.0/8, carrier-grade NAT 100.64.0.0/10, 169.254.169.254 (inside link-local, named for clarity)
        return first == 0 || (first == 100 && second >= 64 && second < 128) || (first == 169 && second == 254);
    }
}
