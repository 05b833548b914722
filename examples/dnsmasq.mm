# DHCP and DNS for the VMs from the host itself, the way minimega's
# quickstart and dnsmasq tutorial set it up: a host tap gives the host an
# address on the VMs' VLAN, and dnsmasq serves that VLAN.
# Run it with:  npx mm run examples/dnsmasq.mm
# or on a simulated 3-node cluster:  npx mm run --nodes 3 examples/dnsmasq.mm
#
# The simulator starts no dnsmasq: it records the server and what is
# configured on it.

# The host's leg on VLAN 100, with the address dnsmasq listens on.
tap create 100 ip 10.0.0.1/24
dnsmasq start 10.0.0.1 10.0.0.2 10.0.0.254

# Four VMs on the same VLAN; the first one has a fixed MAC address.
vm config memory 1024
vm config net 100,00:16:3e:00:00:01
vm launch kvm web
vm config net 100
vm launch kvm vm[1-3]

# A fixed lease and a name for the web server, and the DNS server to hand out.
dnsmasq configure 0 ip 00:16:3e:00:00:01 10.0.0.10
dnsmasq configure 0 dns 10.0.0.10 web.lab
dnsmasq configure 0 options option:dns-server,10.0.0.1
vm start all

dnsmasq
dnsmasq configure 0 ip
dnsmasq configure 0 dns
.columns name,state,vlan,tap vm info
tap

# Tear down.
vm kill all
vm flush
dnsmasq kill all
clear tap
