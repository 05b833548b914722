# minimega: 3.1
# Namespaces and the scheduler of minimega 3.1: every command runs in a
# namespace (`minimega` by default), each namespace has its own VMs and
# `vm config`, and `vm launch` places VMs on the namespace's hosts at once,
# least loaded first, unless `ns queueing true` asks it to wait.
# Run it with:  npx mm run --dialect 3.1 examples/namespaces-31.mm
# or on a simulated 3-node cluster:  npx mm run --dialect 3.1 --nodes 3 examples/namespaces-31.mm

# The default namespace holds this node only.
ns hosts
vm config memory 1024
vm launch kvm gateway
vm start gateway

# A namespace of its own: every mesh peer (or this node when alone).
namespace lab
ns hosts
# Its `vm config` starts fresh: 2048 MB, not the 1024 of `minimega`.
vm config memory
vm config net lab-net
vm config tags role web

# Queue the launches, look at the placement, then launch.
ns queueing true
vm launch kvm web[1-4]
vm config tags role db
vm launch kvm db1
ns schedule dry-run
ns schedule
.columns name,state,vlan,tags vm info
.columns state,launched,failures,total,hosts ns schedule status

# Pin a VM to this node and put another on the same host as db1.
ns add-hosts localhost
vm config schedule localhost
vm launch kvm pinned
clear vm config schedule
vm config colocate db1
vm launch kvm db-backup
ns schedule
.columns name,state vm info

# One command in another namespace without switching to it.
namespace minimega .columns name,state vm info
namespace

# Destroy the namespace (its VMs too, on every node) and go back to `minimega`.
clear namespace lab
.columns name,state vm info
