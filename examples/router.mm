# A routed two-network experiment with minirouter, the way minimega's
# router tutorial walks through it: a router VM with one leg on each
# network hands out addresses on the LAN and routes to the WAN.
# Run it with:  npx mm run examples/router.mm
# or on a simulated 3-node cluster:  npx mm run --nodes 3 examples/router.mm
#
# The simulator keeps the staged configuration and lists it; `commit`
# marks it sent (no agent runs in a simulated VM).

namespace router-demo
vm config memory 512

# The router: interface 0 on the LAN, interface 1 on the WAN.
vm config net lan wan
vm launch kvm rtr

# Three hosts on the LAN, one server on the WAN with a known MAC.
vm config net lan
vm launch kvm host[1-3]
vm config net wan,00:16:3e:00:01:01
vm launch kvm server
vm launch

router rtr interface 0 10.0.0.1/24
router rtr interface 1 192.168.1.1/24
router rtr dhcp 10.0.0.1 range 10.0.0.10 10.0.0.100
router rtr dhcp 10.0.0.1 router 10.0.0.1
router rtr dhcp 10.0.0.1 dns 10.0.0.1
router rtr dhcp 192.168.1.1 static 00:16:3e:00:01:01 192.168.1.10
router rtr dns 192.168.1.10 server.lab
router rtr upstream 8.8.8.8
router rtr route static 0.0.0.0/0 192.168.1.254
router rtr log level info
router rtr commit
vm start all

.columns name,state,vlan vm info
router rtr

# Widen the DHCP range; the change is staged until the next commit.
router rtr dhcp 10.0.0.1 range 10.0.0.10 10.0.0.200
.filter committed=false router rtr
router rtr commit
