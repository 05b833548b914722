# VM life cycle on one node: launch, start, stop, kill, flush.
vm config memory 512
vm launch kvm test[0-2]
.columns name,state vm info

vm start test0
vm stop test0
vm kill test1
.columns name,state vm info

# Only QUIT and ERROR VMs are flushed.
vm flush
.columns id,name,state vm info
