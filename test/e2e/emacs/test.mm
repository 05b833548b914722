# end-to-end fixture: the editor tests rely on these exact lines
vm info

bogus_cmd here
vm launch kvm web[1-2]
