# A small web tier spread over a namespace.
# Run it with:  npx mm run examples/cluster.mm
# or on a simulated 4-node cluster:  npx mm run --nodes 4 examples/cluster.mm

namespace demo

# Every VM gets 1 GB, two CPUs and one interface on the "web" VLAN alias
# (allocated in the namespace, so it prints as plain `web`).
vm config memory 1024
vm config vcpus 2
vm config net web
vm config tag role frontend

# Queue eight web servers and two databases, then hand the queue to the scheduler.
vm launch kvm web[1-8]
vm config tag role database
vm config memory 4096
vm launch kvm db[1-2]
vm launch

# Where did everything land, and with which settings?
.columns name,state,memory,vlan,tags vm info
vm start all
.columns name,state .filter state=running vm info
namespace
